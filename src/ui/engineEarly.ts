import { startEngineEarly } from '../app/engineStart';

// Imported first by the entry (main.tsx), so this runs before React and the rest of the
// app are evaluated: DuckDB-WASM's fetch and compile overlap all of that, the first
// render and the autosave check.
startEngineEarly();
