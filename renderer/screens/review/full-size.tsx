// A kept image (photo, fingerprint, document page) at full size, on demand; Esc closes.
import { useTranslation } from 'react-i18next';
import { BlobImage } from '../../components/blob-image';
import { Dialog } from '../../components/dialog';
import { Kbd } from '../../components/kbd';

export function FullSize({ blobId, caption, onClose }: { blobId: string; caption: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={caption} onClose={onClose} testId="review-full-size">
      <div className="review-full">
        <BlobImage screen="review" blobId={blobId} alt={caption} className="review-full-img" testId="review-full-img" />
      </div>
      <div className="actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>{t('action.close')} <Kbd keys="Esc" /></button>
      </div>
    </Dialog>
  );
}
