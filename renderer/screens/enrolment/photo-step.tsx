// Step 3, the facial photo: the live camera with the ICAO guide, "Ambil foto" (Enter) takes
// a frame, crops the guide's 35:45 area to 413×531 px (≈300 dpi) and measures it (exposure,
// sharpness, a centred subject). A photo that passes every check goes to the station at once
// (one key; R retakes); one that fails waits for the officer: retake (R) or keep it with a
// reason (Enter). The JPEG goes with the measurements; the saved photo is shown beside.
//
// A photo that fails a check is kept only with a reason (the station insists too). After a
// save, focus leaves the capture button (the enrolment moves it to "Next"): a second Enter
// must not take another photo.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentView, PhotoInfo } from '../../../electron/contract-types';
import { Alert } from '../../components/alert';
import { BlobImage } from '../../components/blob-image';
import { Kbd } from '../../components/kbd';
import { PhotoGuide } from '../../components/photo-guide';
import { enrolmentError } from '../../lib/device-text';
import { checkPhoto, guideRect, LIMITS, PHOTO_SIZE, type PhotoChecks } from '../../lib/photo-checks';
import { call } from '../../lib/station';
import { useHotkeys } from '../../lib/use-hotkeys';
import { useDraft } from '../../lib/use-draft';

type Phase = 'starting' | 'live' | 'captured' | 'failed';
const passes = (c: PhotoChecks): boolean => c.exposureOk && c.sharpnessOk && c.subjectOk;
interface Shot { url: string; checks: PhotoChecks }

function cameraProblem(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'notAllowed';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'inUse';
  return 'other';
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function PhotoStep({ view, onView }: { view: EnrolmentView; onView: (v: EnrolmentView) => void }) {
  const { t } = useTranslation();
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraId] = useState('');
  const [phase, setPhase] = useState<Phase>('starting');
  const [cameraError, setCameraError] = useState<string | null>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [shot, setShot] = useState<Shot | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The reason to keep a failing photo is typed text: a draft while typed.
  const reasonDraft = useDraft(view.appointment.id, 'photo.reason');
  const reason = reasonDraft.text;
  const setReason = reasonDraft.setText;
  const [reasonProblem, setReasonProblem] = useState(false);
  /** Just saved: the capture button must not take the focus back (Enter would shoot again). */
  const savedRef = useRef(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const cropRef = useRef<HTMLCanvasElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const mainRef = useRef<HTMLButtonElement>(null);
  /** A photo that fails a check asks for a reason first: the reason field takes the focus. */
  const reasonRef = useRef<HTMLInputElement>(null);
  /** Saving the photo, as of the last render (capture keeps a passing photo at once). */
  const keepLatest = useRef<((shot?: Shot) => Promise<void>) | null>(null);

  const stop = (): void => {
    streamRef.current?.getTracks().forEach((tr) => tr.stop());
    streamRef.current = null;
  };

  // (Re)start the chosen camera; the first start also learns the cameras' names.
  useEffect(() => {
    let alive = true;
    setPhase('starting');
    setCameraError(null);
    setSize(null);
    const video: MediaTrackConstraints = cameraId ? { deviceId: { exact: cameraId } } : { width: { ideal: 1280 }, height: { ideal: 960 } };
    navigator.mediaDevices.getUserMedia({ video, audio: false }).then(async (stream) => {
      if (!alive) { stream.getTracks().forEach((tr) => tr.stop()); return; }
      stop();
      streamRef.current = stream;
      const v = videoRef.current;
      if (v) { v.srcObject = stream; await v.play().catch(() => undefined); }
      const all = await navigator.mediaDevices.enumerateDevices();
      if (!alive) return;
      setCameras(all.filter((d) => d.kind === 'videoinput'));
      setPhase('live');
    }, (err: unknown) => {
      if (!alive) return;
      setCameraError(cameraProblem(err));
      setPhase('failed');
    });
    return () => { alive = false; stop(); };
  }, [cameraId]);

  useEffect(() => {
    if (phase === 'live' && savedRef.current) { savedRef.current = false; return; }
    if (phase === 'captured' && reasonRef.current) reasonRef.current.focus();
    else if (phase === 'live' || phase === 'captured') mainRef.current?.focus();
  }, [phase]);

  const capture = useCallback((): void => {
    const v = videoRef.current;
    if (!v || !v.videoWidth) return;
    const frame = guideRect(v.videoWidth, v.videoHeight);
    const canvas = document.createElement('canvas');
    canvas.width = PHOTO_SIZE.width;
    canvas.height = PHOTO_SIZE.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(v, frame.x, frame.y, frame.w, frame.h, 0, 0, canvas.width, canvas.height);
    const checks = checkPhoto(ctx.getImageData(0, 0, canvas.width, canvas.height));
    cropRef.current = canvas;
    const taken = { url: canvas.toDataURL('image/jpeg', 0.92), checks };
    setShot(taken);
    setError(null);
    setPhase('captured');
    // A photo that passes every check is kept at once (one key for the photo): the officer
    // framed it on the live image, it stays on screen beside, and R takes it again.
    if (passes(checks)) void keepLatest.current?.(taken);
  }, []);

  const retake = useCallback((): void => {
    setReason('');
    setReasonProblem(false);
    setShot(null);
    cropRef.current = null;
    setPhase('live');
  }, []);

  const use = useCallback(async (given?: Shot): Promise<void> => {
    const canvas = cropRef.current;
    const taken = given ?? shot;
    if (!canvas || !taken || saving) return;
    const passed = passes(taken.checks);
    if (!passed && reason.trim().length < 3) { setReasonProblem(true); return; }
    setSaving(true);
    setError(null);
    try {
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
      if (!blob) throw new Error('jpeg');
      const label = cameras.find((c) => c.deviceId === (cameraId || streamRef.current?.getVideoTracks()[0]?.getSettings().deviceId))?.label
        ?? streamRef.current?.getVideoTracks()[0]?.label ?? '';
      onView(await call('photo.save', {
        appointmentId: view.appointment.id, jpegBase64: await toBase64(blob),
        width: canvas.width, height: canvas.height, camera: label.slice(0, 200), checks: { ...taken.checks },
        ...(passed ? {} : { overrideReason: reason.trim() }),
      }));
      savedRef.current = true;
      void reasonDraft.clear();
      retake();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }, [cameras, cameraId, onView, reason, retake, saving, shot, view.appointment.id]);

  keepLatest.current = use;

  useHotkeys({ R: () => { if (phase === 'captured') retake(); } }, phase === 'captured');

  const allOk = shot ? passes(shot.checks) : false;
  return (
    <div className="step photo-step">
      <h2>{t('enrolment.photo.title')}</h2>
      <div className="photo-layout">
        <div className="photo-live">
          <label className="inline-field">
            {t('enrolment.photo.camera')}
            <select value={cameraId} onChange={(e) => setCameraId(e.target.value)} data-testid="photo-camera">
              <option value="">{t('enrolment.photo.defaultCamera')}</option>
              {cameras.map((c, i) => <option key={c.deviceId || i} value={c.deviceId}>{c.label || t('enrolment.photo.cameraN', { n: i + 1 })}</option>)}
            </select>
          </label>
          {cameraError && <Alert tone="problem" testId="photo-camera-error">{t(`enrolment.photo.cameraError.${cameraError}`)}</Alert>}
          <div className="video-box" hidden={phase === 'captured' || phase === 'failed'} style={size ? { aspectRatio: `${size.w} / ${size.h}` } : undefined}>
            <video
              ref={videoRef} muted playsInline data-testid="photo-video"
              onLoadedMetadata={(e) => setSize({ w: e.currentTarget.videoWidth, h: e.currentTarget.videoHeight })}
            />
            {size && <PhotoGuide width={size.w} height={size.h} />}
          </div>
          {phase === 'starting' && <p className="muted">{t('enrolment.photo.starting')}</p>}
          {phase === 'live' && (
            <>
              <p className="muted">{t('enrolment.photo.hint')}</p>
              <div className="actions">
                <button ref={mainRef} type="button" className="btn btn-primary" onClick={capture} disabled={!size} data-testid="photo-capture">
                  <span aria-hidden="true">◉ </span>{t('enrolment.photo.capture')} <Kbd keys="Enter" />
                </button>
              </div>
            </>
          )}
          {phase === 'captured' && shot && (
            <div className="photo-review" data-testid="photo-review">
              <img src={shot.url} alt={t('enrolment.photo.preview')} className="photo-img" data-testid="photo-preview" width={PHOTO_SIZE.width} height={PHOTO_SIZE.height} />
              <div>
                <CheckList checks={shot.checks} />
                {error !== null && <Alert tone="problem" testId="photo-error">{enrolmentError(t, error)}</Alert>}
                {!allOk && (
                  <div className={`field${reasonProblem ? ' field-invalid' : ''}`}>
                    <label htmlFor="photo-reason">{t('enrolmentFlow.photoReason')}</label>
                    <input
                      ref={reasonRef} id="photo-reason" type="text" maxLength={300} value={reason} autoFocus data-testid="photo-reason"
                      onChange={(e) => { setReason(e.target.value); setReasonProblem(false); }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') { e.preventDefault(); void use(); return; }
                        // Letters typed here are text, not the step's shortcuts (R = retake).
                        if (e.key !== 'Escape') e.stopPropagation();
                      }}
                    />
                    {reasonProblem && <div className="field-error" role="alert" data-testid="photo-reason-error"><span aria-hidden="true">⚠ </span>{t('enrolmentFlow.photoReasonRequired')}</div>}
                  </div>
                )}
                <div className="actions">
                  <button ref={mainRef} type="button" className={`btn ${allOk ? 'btn-primary' : 'btn-warning'}`} onClick={() => void use()} disabled={saving} data-testid="photo-use">
                    {saving ? t('enrolment.photo.saving') : t(allOk ? 'enrolment.photo.use' : 'enrolment.photo.useAnyway')} <Kbd keys="Enter" />
                  </button>
                  <button type="button" className="btn" onClick={retake} data-testid="photo-retake">
                    {t('enrolment.photo.retake')} <Kbd keys="R" />
                  </button>
                </div>
              </div>
            </div>
          )}
        </div>
        <SavedPhoto photo={view.photo} />
      </div>
    </div>
  );
}

export function CheckList({ checks }: { checks: PhotoChecks | Record<string, boolean | number> }) {
  const { t } = useTranslation();
  const c = checks as Partial<PhotoChecks>;
  const rows: { id: string; ok: boolean | undefined; text: string }[] = [
    {
      id: 'exposure', ok: c.exposureOk,
      text: t(c.exposureOk ? 'enrolment.photo.check.exposureOk' : 'enrolment.photo.check.exposureBad', {
        mean: c.meanLuminance ?? 0, min: LIMITS.meanMin, max: LIMITS.meanMax,
        clipped: ((c.clippedFraction ?? 0) * 100).toFixed(1), clippedMax: LIMITS.clippedMax * 100,
      }),
    },
    {
      id: 'sharpness', ok: c.sharpnessOk,
      text: t(c.sharpnessOk ? 'enrolment.photo.check.sharpOk' : 'enrolment.photo.check.sharpBad', { value: c.sharpness ?? 0, min: LIMITS.sharpnessMin }),
    },
    {
      id: 'subject', ok: c.subjectOk,
      text: t(c.subjectOk ? 'enrolment.photo.check.subjectOk' : 'enrolment.photo.check.subjectBad', {
        fraction: Math.round((c.subjectFraction ?? 0) * 100), offset: Math.round((c.subjectOffset ?? 0) * 100),
      }),
    },
  ];
  return (
    <ul className="checks" data-testid="photo-checks">
      {rows.filter((r) => r.ok !== undefined).map((r) => (
        <li key={r.id} className={`check tone-${r.ok ? 'ready' : 'problem'}`} data-testid={`photo-check-${r.id}`} data-ok={r.ok ? 'yes' : 'no'}>
          <span aria-hidden="true">{r.ok ? '✔' : '⚠'}</span>
          <strong>{t(r.ok ? 'enrolment.photo.pass' : 'enrolment.photo.fail')}</strong> {r.text}
        </li>
      ))}
    </ul>
  );
}

function SavedPhoto({ photo }: { photo: PhotoInfo | null }) {
  const { t } = useTranslation();
  return (
    <aside className="photo-saved" data-testid="photo-saved">
      <h3>{t('enrolment.photo.saved')}</h3>
      {photo ? (
        <>
          <BlobImage screen="enrolment.photo" blobId={photo.blobId} alt={t('enrolment.photo.saved')} className="photo-img" testId="photo-saved-img" />
          <p className="muted">{t('enrolment.photo.savedAt', { time: new Date(photo.createdAt).toLocaleTimeString(), width: photo.width, height: photo.height })}</p>
          <CheckList checks={photo.checks} />
        </>
      ) : <p className="muted" data-testid="photo-none">{t('enrolment.photo.none')}</p>}
    </aside>
  );
}
