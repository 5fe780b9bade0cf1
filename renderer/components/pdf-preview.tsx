// A PDF page on screen with pdf.js: fitted whole into the space it has, or at 1:1 — its real size
// on a screen of 96 CSS pixels per inch, the size CSS calls a millimetre — so a
// technician can hold a printed page against it. Renders at the screen's pixel density.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { openPdf } from '../lib/pdfjs';

export type PreviewScale = 'fit' | 'actual';

interface Props {
  /** The PDF file's bytes; a new array re-renders. */
  pdf: Uint8Array | null;
  scale: PreviewScale;
  onScaleChange?: (s: PreviewScale) => void;
  /** What the page shows, for screen readers. */
  label: string;
  testId?: string;
}

const CSS_PX_PER_PT = 96 / 72;

export function PdfPreview({ pdf, scale, onScaleChange, label, testId }: Props) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'empty' | 'loading' | 'ready' | 'error'>('empty');
  const [pageSize, setPageSize] = useState<{ w: number; h: number } | null>(null);
  const [boxWidth, setBoxWidth] = useState(0);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const ro = new ResizeObserver(() => setBoxWidth(box.clientWidth));
    ro.observe(box);
    setBoxWidth(box.clientWidth);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!pdf || boxWidth === 0) return;
    let alive = true;
    let cancelRender: (() => void) | undefined;
    setState((s) => (s === 'ready' ? s : 'loading'));
    void (async () => {
      try {
        const doc = await openPdf(pdf);
        const page = await doc.getPage(1);
        const base = page.getViewport({ scale: 1 });
        // Fitted: the whole page inside the box, by its width and by the height it may take.
        const maxHeight = boxRef.current ? parseFloat(getComputedStyle(boxRef.current).maxHeight) - 2 : Number.NaN;
        const fit = Math.min(boxWidth / base.width, Number.isFinite(maxHeight) ? maxHeight / base.height : Infinity, 3);
        const cssScale = scale === 'actual' ? CSS_PX_PER_PT : fit;
        const dpr = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: cssScale * dpr });
        const canvas = canvasRef.current;
        if (!alive || !canvas) return;
        // Draw off screen, then swap: the old picture stays until the new one is complete.
        const work = document.createElement('canvas');
        work.width = Math.round(viewport.width);
        work.height = Math.round(viewport.height);
        const task = page.render({ canvas: work, viewport });
        cancelRender = () => task.cancel();
        await task.promise;
        if (!alive) return;
        canvas.width = work.width;
        canvas.height = work.height;
        canvas.getContext('2d')?.drawImage(work, 0, 0);
        canvas.style.width = `${base.width * cssScale}px`;
        canvas.style.height = `${base.height * cssScale}px`;
        setPageSize({ w: base.width, h: base.height });
        setState('ready');
        void doc.destroy();
      } catch (err) {
        if (alive && (err as { name?: string })?.name !== 'RenderingCancelledException') setState('error');
      }
    })();
    return () => { alive = false; cancelRender?.(); };
  }, [pdf, scale, boxWidth]);

  return (
    <div className="pdf-preview" data-testid={testId} data-state={state} data-scale={scale}
      data-page-width-pt={pageSize?.w.toFixed(2)} data-page-height-pt={pageSize?.h.toFixed(2)}>
      {onScaleChange && (
        <div className="pdf-preview-scale" role="group" aria-label={t('pdfPreview.scale')}>
          {(['fit', 'actual'] as const).map((s) => (
            <button key={s} type="button" className={`btn btn-small${scale === s ? ' btn-primary' : ''}`} aria-pressed={scale === s}
              onClick={() => onScaleChange(s)} data-testid={`pdf-scale-${s}`}>
              {t(`pdfPreview.${s}`)}
            </button>
          ))}
        </div>
      )}
      <div ref={boxRef} className={`pdf-preview-box${scale === 'actual' ? ' pdf-preview-actual' : ''}`}>
        <canvas ref={canvasRef} role="img" aria-label={label} data-testid="pdf-canvas" />
        {state === 'loading' && <div className="pdf-preview-note muted">{t('pdfPreview.loading')}</div>}
      </div>
      {state === 'error' && <Alert tone="problem" testId="pdf-error">{t('pdfPreview.error')}</Alert>}
    </div>
  );
}
