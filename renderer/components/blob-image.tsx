import { useTranslation } from 'react-i18next';
import { useBlobUrl } from '../lib/blob-cache';

/** An image the station keeps (document page, photo), fetched once per blob id. */
export function BlobImage({ blobId, alt, className, testId }: { blobId: string; alt: string; className?: string; testId?: string }) {
  const { t } = useTranslation();
  const s = useBlobUrl(blobId);
  if (s.state === 'ready') return <img src={s.url} alt={alt} className={className} data-testid={testId} data-blob-id={blobId} />;
  return (
    <div className={`${className ?? ''} blob-placeholder`} role="img" aria-label={alt} data-testid={testId ? `${testId}-pending` : undefined}>
      {s.state === 'loading' ? t('enrolment.imageLoading') : <span><span aria-hidden="true">⚠ </span>{t('enrolment.imageFailed')}</span>}
    </div>
  );
}
