import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import {
  EmptyState,
  Notice,
  ParticipationTabs,
  participationSubject,
  useAppAbility,
  WriteupList,
  writeupsXlsxUrl,
} from '@wenming/ui';
import { Alert, Button, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextEntryModal } from './ParticipationForm';
import { useParticipation } from './useParticipation';

/** 心得体会: staff write up their experience; the campaign office exports them for the summary. */
export default function WriteupsPage() {
  const { t } = useTranslation();
  const ability = useAppAbility();
  const { unitId, campaign, openCampaign } = useParticipation();
  const [writing, setWriting] = useState(false);
  const canRead = ability.can('read', participationSubject('Writeup', unitId));
  const canCreate = ability.can('create', participationSubject('Writeup', unitId));
  const writeButton = canCreate && openCampaign && (
    <Button type="primary" icon={<EditOutlined />} onClick={() => setWriting(true)}>
      {t('participation.write')}
    </Button>
  );
  const actions = (
    <Flex gap={8} wrap>
      {campaign && canRead && (
        <Tooltip title={t('participation.exportHint')}>
          <Button icon={<DownloadOutlined />} href={writeupsXlsxUrl(campaign.id)}>
            {t('participation.exportXlsx')}
          </Button>
        </Tooltip>
      )}
      {writeButton}
    </Flex>
  );

  return (
    <ParticipationTabs base="/participation" hint={t('participation.unitHint')} extra={actions}>
      {!canRead ? (
        <Notice kind="forbidden" title={t('participation.writeupsNoAccess')} />
      ) : (
        <>
          {canCreate && campaign && !openCampaign && (
            <Alert type="info" showIcon title={t('participation.noOpenCampaign')} />
          )}
          <WriteupList
            campaignId={campaign?.id}
            unitId={unitId}
            empty={
              <EmptyState
                description={
                  canCreate ? t('participation.writeupsEmpty') : t('participation.writeupsEmptyReadOnly')
                }
                action={writeButton}
              />
            }
          />
        </>
      )}
      {writing && openCampaign && (
        <TextEntryModal kind="writeup" campaignId={openCampaign.id} onClose={() => setWriting(false)} />
      )}
    </ParticipationTabs>
  );
}
