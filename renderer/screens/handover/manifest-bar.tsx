// The day's dispatch manifest, for the courier at pick-up: CSV (Alt+C) and PDF (Alt+P).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Kbd } from '../../components/kbd';
import { downloadText } from '../../lib/download';
import { call } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { handoverError } from './handover-text';
import { downloadBase64 } from '../../lib/download';

export function ManifestBar({ today }: { today: string }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(today);
  const [note, setNote] = useState<{ tone: 'ready' | 'problem'; text: string } | null>(null);

  const get = (as: 'csv' | 'pdf') => {
    call('issuance.manifest', { day }).then((m) => {
      if (as === 'csv') downloadText(m.csvFileName, m.csv, 'text/csv;charset=utf-8');
      else downloadBase64(m.pdfFileName, m.pdfBase64, 'application/pdf');
      setNote({ tone: 'ready', text: t('handover.manifestSaved', { count: m.count, day }) });
    }, (err: unknown) => setNote({ tone: 'problem', text: handoverError(t, err) }));
  };
  useHotkeys({ 'Alt+C': () => get('csv'), 'Alt+P': () => get('pdf') });

  return (
    <div className="toolbar handover-manifest" data-testid="handover-manifest">
      <label htmlFor="manifest-day">{t('handover.manifest')}</label>
      <input id="manifest-day" type="date" value={day} max={today} onChange={(e) => setDay(e.target.value)} data-testid="manifest-day" />
      <button type="button" className="btn btn-small" onClick={() => get('csv')} data-testid="manifest-csv">CSV <Kbd keys="Alt+C" /></button>
      <button type="button" className="btn btn-small" onClick={() => get('pdf')} data-testid="manifest-pdf">PDF <Kbd keys="Alt+P" /></button>
      {note && <Alert tone={note.tone} testId="manifest-note">{note.text}</Alert>}
    </div>
  );
}
