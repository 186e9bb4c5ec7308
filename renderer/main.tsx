// Renderer entry: connect to the host, pick the language, render the workstation.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call, createClient } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { App } from './app/App';
import './app/app.css';
import { pickLanguage, setupI18n } from './i18n/setupI18n';

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  const client = createClient();
  const appInfo = await call(client, 'getAppInfo', {});
  await setupI18n(pickLanguage(appInfo.languageOverride, navigator.languages));
  root.render(
    <StrictMode>
      <ClientProvider client={client}>
        <App appInfo={appInfo} />
      </ClientProvider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `Deskline could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.append(message);
});
