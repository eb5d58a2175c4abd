// First: the engine starts before the rest of the app is even evaluated.
import './engineEarly';
import '@fontsource-variable/inter';
// Persian text: Vazirmatn, bundled and served from this origin (the CSP allows no other).
import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/500.css';
import '@fontsource/vazirmatn/600.css';
import '@fontsource/vazirmatn/700.css';
import './theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The composition root, made before the app: its locale store comes first, so the language
// is set before any message is read.
import './appRoot';
import { App } from './app';
import { warmGridWhenIdle } from './gridWarmup';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
warmGridWhenIdle();
