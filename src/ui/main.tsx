import '@fontsource-variable/inter';
// Persian text: Vazirmatn, bundled and served from this origin (the CSP allows no other).
import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/500.css';
import '@fontsource/vazirmatn/600.css';
import '@fontsource/vazirmatn/700.css';
import './theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The language is set before the app's modules read any message.
import './languageSwitch';
// Before any grid is made: AG Grid's own texts follow the language.
import './gridLocale';
import { App } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
