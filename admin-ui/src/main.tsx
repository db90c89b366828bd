import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initKeycloak } from './authProvider';

// Complete a sign-in coming back from the identity provider (or resume the tab's session)
// before the app renders, so that it starts on the right page.
void initKeycloak().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
