import { BulbOutlined, MessageOutlined } from '@ant-design/icons';
import {
  EmptyState,
  Notice,
  ParticipationTabs,
  participationSubject,
  SuggestionList,
  type TSuggestion,
  useAppAbility,
} from '@wenming/ui';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextEntryModal } from './ParticipationForm';
import { ReplyModal } from './SuggestionModals';
import { useParticipation } from './useParticipation';

/** 我为创建献一计: staff suggest; the campaign office replies and turns good ideas into tasks. */
export default function SuggestionsPage() {
  const { t } = useTranslation();
  const ability = useAppAbility();
  const { unitId, campaign, openCampaign } = useParticipation();
  const [suggesting, setSuggesting] = useState(false);
  const [replying, setReplying] = useState<TSuggestion | null>(null);
  const canRead = ability.can('read', participationSubject('Suggestion', unitId));
  const canCreate = ability.can('create', participationSubject('Suggestion', unitId));
  const canReply = ability.can('update', participationSubject('Suggestion', unitId));
  const suggestButton = canCreate && openCampaign && (
    <Button type="primary" icon={<BulbOutlined />} onClick={() => setSuggesting(true)}>
      {t('participation.suggest')}
    </Button>
  );

  return (
    <ParticipationTabs base="/participation" hint={t('participation.unitHint')} extra={suggestButton}>
      {!canRead ? (
        <Notice kind="forbidden" title={t('participation.suggestionsNoAccess')} />
      ) : (
        <>
          {canCreate && campaign && !openCampaign && (
            <Alert type="info" showIcon title={t('participation.noOpenCampaign')} />
          )}
          <SuggestionList
            unitId={unitId}
            taskLink={(title) => <Link to="/campaign/tasks">{title}</Link>}
            action={
              canReply
                ? (s) => (
                    <Button
                      size="small"
                      type={s.status === 'open' ? 'primary' : 'default'}
                      icon={<MessageOutlined />}
                      onClick={() => setReplying(s)}
                    >
                      {s.status === 'open' ? t('participation.reply') : t('participation.replyAgain')}
                    </Button>
                  )
                : undefined
            }
            empty={
              <EmptyState
                description={
                  canCreate
                    ? t('participation.suggestionsEmpty')
                    : t('participation.suggestionsEmptyReadOnly')
                }
                action={suggestButton}
              />
            }
          />
        </>
      )}
      {suggesting && openCampaign && (
        <TextEntryModal kind="suggestion" campaignId={openCampaign.id} onClose={() => setSuggesting(false)} />
      )}
      {replying && <ReplyModal suggestion={replying} onClose={() => setReplying(null)} />}
    </ParticipationTabs>
  );
}
