// The workstation shell: header with the agent's state and the signed-in person, then the feature
// panels. Issue 13: nothing of the desk shows before someone signs in; the role comes from the
// session (the person's roles, viewed in the one that may see the most), never from the host.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract/appInfo';
import { viewingRole } from '../../shared/contract/roles';
import type { ConnectionState } from '../api/client';
import { useClient } from '../api/ClientContext';
import { AgentStateControl } from '../features/agentState/AgentStateControl';
import { AuditLogPanel } from '../features/audit/AuditLogPanel';
import { CallSearchPanel } from '../features/callSearch/CallSearchPanel';
import { ClockSettingsPanel } from '../features/callClocks/ClockSettingsPanel';
import { WorkingCalendarPanel } from '../features/workingCalendar/WorkingCalendarPanel';
import { CustomerPanel } from '../features/customers/CustomerPanel';
import { BackupPanel } from '../features/dataStore/BackupPanel';
import { StoreStatusBanner } from '../features/dataStore/StoreStatusBanner';
import { RetentionPanel } from '../features/retention/RetentionPanel';
import { AccountMenu } from '../features/identity/AccountMenu';
import { FirstAdminSetup } from '../features/identity/FirstAdminSetup';
import { LockScreen } from '../features/identity/LockScreen';
import { PeoplePanel } from '../features/identity/PeoplePanel';
import { SignInForm } from '../features/identity/SignInForm';
import { useSession } from '../features/identity/useSession';
import { SoftphonePanel } from '../features/softphone/SoftphonePanel';
import { WindowRestartNotice } from '../features/shellNotices/WindowRestartNotice';

export function App({ appInfo }: { appInfo: AppInfo }) {
  const { t } = useTranslation();
  const client = useClient();
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  useEffect(() => client.onConnectionChange(setConnection), [client]);
  const { session, setSession, signedIn, signedOut } = useSession();
  const person = session?.person ?? null;
  const locked = session?.state === 'locked';
  const atDesk = person !== null && (session?.state === 'signedIn' || locked);
  const role = person ? viewingRole(person.roles) : null;

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">{t('app.title')}</h1>
        <span className="app__host">{t(`app.hostKind.${appInfo.host}`)}</span>
        {atDesk && !locked && <AgentStateControl />}
        {atDesk && session && <AccountMenu session={session} onLocked={setSession} onSignedOut={signedOut} />}
      </header>
      {connection === 'closed' && (
        <p role="status" className="app__banner">
          {t('app.disconnected')}
        </p>
      )}
      <WindowRestartNotice />
      {session === null && <p role="status">{t('app.connecting')}</p>}
      {session?.state === 'setupRequired' && <FirstAdminSetup ownWindow={window.deskline !== undefined} onSignedIn={signedIn} />}
      {session?.state === 'signedOut' && <SignInForm onSignedIn={signedIn} />}
      {atDesk && role && (
        <>
          {!locked && <StoreStatusBanner />}
          <main className="app__main" key={person.userId}>
            {locked && session ? <LockScreen session={session} onChanged={setSession} /> : null}
            {person.roles.includes('agent') ? <SoftphonePanel locked={locked} /> : null}
            {!locked && (
              <>
                <CustomerPanel role={role} />
                <ClockSettingsPanel role={role} />
                <WorkingCalendarPanel role={role} />
                <BackupPanel role={role} />
                <CallSearchPanel role={role} />
                <AuditLogPanel role={role} />
                <RetentionPanel role={role} />
                {person.roles.includes('admin') && <PeoplePanel />}
              </>
            )}
          </main>
        </>
      )}
    </div>
  );
}
