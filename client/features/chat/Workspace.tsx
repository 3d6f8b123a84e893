// The seller workbench: conversation list, the chat, and the buyer/order/shop side panel.
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { SidePanel } from '../side/SidePanel.tsx';
import { ChatPane } from './ChatPane.tsx';
import { ConversationList } from './ConversationList.tsx';
import { Drawer } from './Drawer.tsx';
import { NoticeDialog } from './NoticeDialog.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';
import './workspace.css';

export function Workspace({ sessionId }: { sessionId: string | null }) {
  const t = useT();
  const session = useApp((s) => (sessionId ? s.sessions[sessionId] : undefined));
  return (
    <div className="workspace">
      <OfflineBanner />
      <div className={session ? 'workspace-cols has-chat' : 'workspace-cols'}>
        <Drawer kind="list" label={t('drawer.list')}>
          <ConversationList activeId={sessionId} />
        </Drawer>
        <main className="workspace-main">
          {session ? (
            // One pane per chat: what it holds (the end confirmation, an open panel) is that chat's,
            // so switching chats (or a drill seat's next scenario) starts the next one fresh.
            <ChatPane key={session.id} session={session} />
          ) : (
            <p className="workspace-empty muted" role="status">
              {t(sessionId ? 'chat.unknown' : 'chat.empty')}
            </p>
          )}
        </main>
        {session && (
          <Drawer kind="side" label={t('drawer.side')}>
            <SidePanel session={session} />
          </Drawer>
        )}
      </div>
      <NoticeDialog />
    </div>
  );
}
