import { DownloadOutlined, ExportOutlined, PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Modal, Table, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../app/feedback';
import { usePhone } from '../layout/screens';
import { posterUrl, publicSurveyUrl, qrDownloadUrl, type TSurvey } from './model';

type Link = TSurvey['links'][number];

/**
 * The poster is a printable page the server renders; it is opened in a new tab and the print
 * dialog offered there. The tab is opened at once, inside the click, so no popup blocker
 * interferes; if one does anyway, the poster is simply downloaded.
 */
function usePrintPoster() {
  const { t } = useTranslation();
  const toast = useToast();
  return (token: string) => {
    const tab = window.open('', '_blank');
    if (!tab) {
      window.location.assign(posterUrl(token));
      return;
    }
    tab.document.title = t('survey.posterLoading');
    fetch(posterUrl(token), { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const html = await response.text();
        tab.document.open();
        tab.document.write(html);
        tab.document.close();
        tab.focus();
        tab.print();
      })
      .catch(() => {
        tab.close();
        toast.error(t('survey.posterFailed'));
      });
  };
}

function LinkActions({ link, vertical = false }: { link: Link; vertical?: boolean }) {
  const { t } = useTranslation();
  const print = usePrintPoster();
  const url = publicSurveyUrl(link.token, link.url);
  const block = vertical ? { block: true } : {};
  return (
    <Flex gap={8} wrap vertical={vertical}>
      <Button {...block} icon={<PrinterOutlined />} type="primary" onClick={() => print(link.token)}>
        {t('survey.printPoster')}
      </Button>
      <Button {...block} icon={<DownloadOutlined />} href={qrDownloadUrl(link.token, 'png')}>
        {t('survey.downloadPng')}
      </Button>
      <Button {...block} icon={<DownloadOutlined />} href={qrDownloadUrl(link.token, 'svg')}>
        {t('survey.downloadSvg')}
      </Button>
      <Button {...block} icon={<ExportOutlined />} href={url} target="_blank" rel="noopener">
        {t('survey.openLink')}
      </Button>
    </Flex>
  );
}

/** The link itself, copyable: for chat groups and websites. */
function LinkText({ link }: { link: Link }) {
  const { t } = useTranslation();
  const url = publicSurveyUrl(link.token, link.url);
  return (
    <Typography.Text
      copyable={{ text: url, tooltips: [t('survey.copyLink'), t('survey.copied')] }}
      style={{ wordBreak: 'break-all' }}
    >
      <code>{url}</code>
    </Typography.Text>
  );
}

function QrImage({ link, size }: { link: Link; size: number }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <img
      src={qrDownloadUrl(link.token, 'png')}
      alt={t('survey.qrAlt', { unit: link.unitName })}
      width={size}
      height={size}
      style={{
        flex: 'none',
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: 8,
        background: '#fff',
      }}
    />
  );
}

/** One unit's link, large: the QR code to put up, the link to share, the posters to print. */
function SingleLink({ link, draft, named = true }: { link: Link; draft: boolean; named?: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Flex gap={24} vertical={phone} align={phone ? 'center' : 'start'}>
      <QrImage link={link} size={phone ? 220 : 200} />
      <Flex vertical gap={12} style={{ minWidth: 0, flex: 1, width: phone ? '100%' : undefined }}>
        {named && <Typography.Text strong>{link.unitName}</Typography.Text>}
        <LinkText link={link} />
        <Typography.Text type="secondary">
          {draft ? t('survey.linkDraftHint') : t('survey.linkHint')}
        </Typography.Text>
        <LinkActions link={link} vertical={phone} />
      </Flex>
    </Flex>
  );
}

/**
 * Where respondents come in: one link (and QR code) per surveyed unit, so each unit's answers
 * are counted apart. An office survey lists them all, each with its poster.
 */
export function SurveyLinks({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [shown, setShown] = useState<Link | null>(null);
  const draft = survey.status === 'draft';
  const [only] = survey.links;
  if (survey.links.length === 1 && only) {
    return (
      <Card size={phone ? 'small' : undefined}>
        <SingleLink link={only} draft={draft} />
      </Card>
    );
  }
  return (
    <>
      <Typography.Paragraph type="secondary">
        {draft ? t('survey.linkDraftHint') : t('survey.linksHint')}
      </Typography.Paragraph>
      <Table<Link>
        rowKey="token"
        size="middle"
        pagination={survey.links.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={survey.links}
        columns={[
          { key: 'unit', title: t('survey.unit'), dataIndex: 'unitName' },
          {
            key: 'responses',
            title: t('survey.responses'),
            dataIndex: 'responses',
            width: phone ? 72 : 100,
            align: 'end',
          },
          {
            key: 'qr',
            title: t('survey.qrCode'),
            width: phone ? 64 : 140,
            align: 'end',
            render: (_, link) => (
              <Button
                icon={<QrcodeOutlined />}
                onClick={() => setShown(link)}
                aria-label={t('survey.showQrOf', { unit: link.unitName })}
              >
                {phone ? null : t('survey.showQr')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={shown !== null}
        onCancel={() => setShown(null)}
        footer={null}
        title={shown?.unitName}
        width={phone ? '100%' : 640}
      >
        {shown && <SingleLink link={shown} draft={draft} named={false} />}
      </Modal>
    </>
  );
}
