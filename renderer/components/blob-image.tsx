import { useTranslation } from 'react-i18next';
import { useBlobUrl } from '../lib/blob-cache';
import type { BlobScreen } from '../../domain/blob-access';

/** An image the station keeps (document page, photo), fetched once per blob id. */
export function BlobImage({ blobId, screen, alt, className, testId }: { blobId: string; screen: BlobScreen; alt: string; className?: string; testId?: string }) {
  const { t } = useTranslation();
  const s = useBlobUrl(blobId, screen);
  if (s.state === 'ready') return <img src={s.url} alt={alt} className={className} data-testid={testId} data-blob-id={blobId} />;
  return (
    <div className={`${className ?? ''} blob-placeholder`} role="img" aria-label={alt} data-testid={testId ? `${testId}-pending` : undefined}>
      {s.state === 'loading' ? t('enrolment.imageLoading') : <span><span aria-hidden="true">⚠ </span>{t('enrolment.imageFailed')}</span>}
    </div>
  );
}
