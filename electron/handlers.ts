// Binds each contract method to the service that does it. The Handlers type makes this
// exhaustive: a method added to the contract without a handler does not compile.
import type { Handlers } from './dispatcher';
import { resyncForOfficer } from './services/office-resync';
import { listTripDrives } from './services/trip-drives';
import { tripView } from './services/trip-view';
import type { Services } from './services/services';
import { localDate } from '../domain/dates';
import pkg from '../package.json' with { type: 'json' };

export function createHandlers(s: Services): Handlers {
  const { auth, officers, settings, queue, importer, store, devices, enrolment, capture, deviceService, workflow, rules, printerCalibration, auditLog, numbers, now, reports, keys, receipts, office, review, stock, issuance, handover } = s;
  const who = (officerId: string | null) => officerId ?? '';
  return {
    'setup.status': () => ({ needsFirstAdmin: auth.needsFirstAdmin(), stationId: store.stationId, version: pkg.version, today: localDate(now()) }),
    'setup.createFirstAdmin': (i, c) => auth.createFirstAdmin(c.session, i),

    'auth.session': (_i, c) => auth.sessionInfo(c.session),
    'auth.login': (i, c) => auth.login(c.session, i.nip, i.password),
    'auth.logout': (_i, c) => { auth.logout(c.session); return null; },
    'auth.lock': (_i, c) => { auth.lock(c.session, 'officer'); return auth.sessionInfo(c.session)!; },
    'auth.unlock': (i, c) => auth.unlock(c.session, i.nip, i.password),
    'auth.touch': () => null,
    'auth.setLanguage': (i, c) => auth.setLanguage(c.session, i.language),
    'auth.changePassword': async (i, c) => { await auth.changePassword(c.session, i.current, i.next); return null; },

    'officers.list': () => officers.list(),
    'officers.create': (i, c) => officers.create(who(c.officerId), i),
    'officers.update': (i, c) => officers.update(who(c.officerId), i),
    'officers.resetPassword': async (i, c) => { await officers.resetPassword(who(c.officerId), i.id, i.password); return null; },

    'settings.get': () => settings.get(),
    'settings.update': (i, c) => settings.update(i, who(c.officerId), now().toISOString()),

    'queue.view': (i) => queue.view(i),
    'queue.get': (i) => queue.get(i.id),
    'queue.addWalkIn': (i, c) => queue.addWalkIn(who(c.officerId), { ...i, phone: i.phone || '' }),
    'queue.checkIn': (i, c) => queue.checkIn(who(c.officerId), c.roles, i.bookingCode),
    'queue.callNext': (_i, c) => queue.callNext(who(c.officerId)),
    'queue.call': (i, c) => queue.call(who(c.officerId), i.id),
    'queue.displayAddress': () => queue.displayAddress(),
    'queue.setCounter': (i, c) => queue.setCounter(who(c.officerId), i.counter),
    'application.checkIn': (i, c) => workflow.take(who(c.officerId), c.roles, 'checkIn', i.id),
    'application.undoCheckIn': (i, c) => workflow.take(who(c.officerId), c.roles, 'undoCheckIn', i.id),
    'application.cancel': (i, c) => workflow.take(who(c.officerId), c.roles, 'cancel', i.id, { reason: i.reason }),
    'application.reopen': (i, c) => workflow.take(who(c.officerId), c.roles, 'reopen', i.id, { reason: i.reason }),
    'application.history': (i) => { queue.get(i.id); return store.appointments.history(i.id); },

    'import.preview': (i, c) => importer.preview(i.fileName, importer.source(c.session, who(c.officerId), i)),
    'import.commit': (i, c) => importer.commit(who(c.officerId), i.fileName, importer.source(c.session, who(c.officerId), i), i.acceptValidRows, i.uploadId),
    'import.begin': (i, c) => importer.uploads.begin(c.session, who(c.officerId), i.fileName, i.size),
    'import.chunk': (i, c) => importer.uploads.chunk(c.session, who(c.officerId), i.uploadId, i.index, i.data, i.last),

    'rules.current': () => rules.current(),
    'rules.load': (i, c) => rules.load(who(c.officerId), i.content),

    'audit.list': ({ limit, ...filter }) => auditLog.list(filter, limit),
    'audit.choices': () => auditLog.choices(),
    'audit.export': (i, c) => auditLog.export(who(c.officerId), i),
    'audit.verify': () => reports.verify(),
    'audit.exportHead': (_i, c) => reports.exportNow(who(c.officerId)),
    'keys.protection': () => keys.status(),
    'keys.confirmWeakSeal': (_i, c) => keys.confirmWeakSeal(who(c.officerId)),
    'numbers.day': (i) => numbers.day(i.day),
    'numbers.export': (i) => numbers.csv(i.day),
    'office.status': () => office.status(),
    'office.pair': (i, c) => office.pair(who(c.officerId), i.url, i.code, i.stationName),
    'office.syncNow': () => office.syncNow(),
    'office.refusals': () => office.refusals(),

    'enrolment.open': (i, c) => enrolment.open(who(c.officerId), c.roles, i.appointmentId),
    'enrolment.get': (i) => enrolment.view(i.appointmentId),
    // A submitted enrolment no longer needs the capture held in memory. The applicant's
    // receipt prints after the submit is stored; its outcome rides along, never failing it
    // (a resubmit prints none: the officer reprints if the applicant needs a new one).
    'enrolment.submit': async (i, c) => { const v = enrolment.submit(who(c.officerId), c.roles, i.appointmentId); capture.release(i.appointmentId); s.drafts.discardAll(i.appointmentId); return { ...v, receipt: await receipts.afterSubmit(who(c.officerId), i.appointmentId) }; },
    'enrolment.resubmit': (i, c) => { const v = enrolment.submit(who(c.officerId), c.roles, i.appointmentId, 'resubmit'); capture.release(i.appointmentId); return v; },
    'review.approve': (i, c) => review.approve(c.session, who(c.officerId), c.roles, i.appointmentId, i.contentHash),
    'review.return': (i, c) => review.return(who(c.officerId), c.roles, i.appointmentId, i.reason, i.note),
    'review.queue': () => review.queue(),
    'review.view': (i, c) => review.view(c.session, i.appointmentId),
    'review.unlockBatch': (i, c) => review.unlockBatch(c.session, who(c.officerId), i.password),
    'review.batch': (_i, c) => review.batch(c.session),
    'review.backlog': () => review.backlog(),
    'enrolment.stepTime': (i) => enrolment.recordStepTime(i.appointmentId, i.step, i.seconds),
    'enrolment.attachMrz': (i, c) => enrolment.attachMrz(who(c.officerId), i.appointmentId, i.lines, i.source),
    'enrolment.decideMrz': (i, c) => enrolment.decideMrz(who(c.officerId), i.appointmentId, i.choice),
    'enrolment.correct': (i, c) => enrolment.correct(who(c.officerId), i.appointmentId, i),
    'enrolment.confirmIdentity': (i, c) => enrolment.confirmIdentity(who(c.officerId), i.appointmentId, i.keepDisagreements),
    'enrolment.saveDetails': (i, c) => enrolment.saveDetails(who(c.officerId), i.appointmentId, i),
    'enrolment.overridePayment': async (i, c) => {
      // The supervisor's password is checked like a login (throttle, lock-out), for this connection.
      const supervisor = await auth.verifyOfficer(c.session, i.nip, i.password);
      return enrolment.overridePayment(who(c.officerId), i.appointmentId, supervisor, i.reason);
    },
    'documents.scan': (i, c) => enrolment.scanDocument(who(c.officerId), i.appointmentId, i),
    'documents.cancelScan': (i) => enrolment.cancelScan(i.appointmentId),
    'documents.remove': (i, c) => enrolment.removeDocument(who(c.officerId), i.appointmentId, i.blobId),
    'photo.save': (i, c) => enrolment.savePhoto(who(c.officerId), i.appointmentId, i),
    // Bytes this station lacks (taken at another counter, or removed by retention) come from the office first.
    'blob.get': async (i, c) => { await office.blobs.need(i.id); return enrolment.blob(who(c.officerId), c.roles, i.id, i.screen); },
    'capture.start': (i, c) => capture.start(who(c.officerId), i.appointmentId, i.flow === true),
    'capture.get': (i) => capture.view(i.appointmentId),
    'capture.action': (i, c) => capture.action(who(c.officerId), i),
    'capture.close': (i) => capture.close(i.appointmentId),

    'devices.slots': () => devices.list(),
    'devices.overview': () => deviceService.overview(),
    'devices.save': (i, c) => deviceService.save(who(c.officerId), i),
    'devices.remove': (i, c) => deviceService.remove(who(c.officerId), i.id),
    'devices.reconnect': (i) => deviceService.reconnect(i.id),
    'devices.test': (i) => deviceService.test(i.id),
    'devices.scannerCertificate': (i) => deviceService.scannerCertificate(i.url),
    'devices.discoverScanners': (i) => deviceService.discoverScanners(i.seconds),
    'devices.trace': (i) => deviceService.trace(i.id, i),
    'devices.traceText': (i) => deviceService.traceText(i.id),
    'devices.simulate': (i) => deviceService.simulate(i),
    'printer.page': (i) => printerCalibration.page(i),
    'printer.setOffsets': (i, c) => printerCalibration.setOffsets(who(c.officerId), i),
    'printer.printPage': (i) => printerCalibration.printPage(i),
    'receipts.reprint': (i, c) => receipts.reprint(who(c.officerId), i.appointmentId),
    'enrolment.saveService': (i, c) => enrolment.saveService(who(c.officerId), i.appointmentId, i),
    'enrolment.bapPdf': (i, c) => enrolment.bapPdf(who(c.officerId), i.appointmentId),
    'signature.crop': (i, c) => enrolment.cropSignature(who(c.officerId), i.appointmentId, i.blobId, i.box),
    'signature.fromPad': (i, c) => enrolment.signatureFromPad(who(c.officerId), i.appointmentId),
    'drafts.list': (i) => s.drafts.list(i.appointmentId),
    'drafts.save': (i, c) => s.drafts.save(who(c.officerId), i.appointmentId, i.field, i.text),
    'drafts.discard': (i) => s.drafts.discard(i.appointmentId, i.field),
    'stock.overview': () => stock.overview(),
    'stock.receive': (i, c) => stock.receive(who(c.officerId), i),
    'stock.spoil': (i, c) => stock.spoilBlank(who(c.officerId), i.serial, i.reason),
    'stock.return': (i, c) => stock.returnToHq(who(c.officerId), i),
    'stock.setConfig': (i, c) => stock.setConfig(who(c.officerId), i),
    'stock.reconciliation': (i) => stock.reconciliation(i.day),
    'stock.reconciliationCsv': (i, c) => stock.reconciliationExport(who(c.officerId), i.day),
    'stock.uncollected': () => stock.uncollected(),
    'issuance.queue': () => issuance.queue(),
    'issuance.print': (i, c) => issuance.print(who(c.officerId), c.roles, i.appointmentId, i.serial, i.printerId),
    'issuance.spoil': (i, c) => issuance.spoil(who(c.officerId), c.roles, i.jobId, i.reason),
    'issuance.requeue': (i, c) => issuance.requeue(who(c.officerId), c.roles, i.jobId),
    'issuance.check': (i, c) => issuance.check(who(c.officerId), i.jobId),
    'issuance.identify': (i, c) => handover.identify(who(c.officerId), i.code),
    'issuance.get': (i, c) => handover.get(who(c.officerId), i.appointmentId),
    'issuance.verifyFinger': (i, c) => handover.verifyFinger(who(c.officerId), i.appointmentId),
    'issuance.issue': (i, c) => handover.issue(c.session, who(c.officerId), c.roles, i),
    'issuance.dispatch': (i, c) => handover.dispatch(who(c.officerId), c.roles, i),
    'issuance.scanLetter': (i, c) => handover.scanLetter(who(c.officerId), i.appointmentId),
    // The manifest's PDF writer loads with the first manifest, never at the station's start.
    'issuance.manifest': async (i) => (await import('./services/dispatch-manifest')).dispatchManifest(i.day, receipts.settings().officeName, handover.dispatchedOn(i.day), now()),
    'stock.lease': () => s.bookLeases.view(),
    'stock.leaseRequest': (i, c) => s.bookLeases.request(who(c.officerId), i.series, i.count),
    'stock.leaseExtend': () => s.bookLeases.extend(),
    'stock.leaseReturn': (i, c) => s.bookLeases.giveBack(who(c.officerId), i.leaseId),
    'office.resync': async (_i, c) => { await resyncForOfficer(store, who(c.officerId), now); return office.syncNow(); },
    'receipts.settings': () => receipts.view(),
    'receipts.setSettings': (i, c) => receipts.update(who(c.officerId), i),
    'trip.status': () => tripView(store, s.trip.status()),
    'trip.drives': () => listTripDrives(),
    'trip.prepare': async (i, c) => tripView(store, await s.trip.prepare(who(c.officerId), i.from, i.to)),
    'trip.backup': (i, c) => s.trip.backup(who(c.officerId), i.dir),
    'trip.finish': async (i, c) => tripView(store, await s.trip.finish(who(c.officerId), i.backupDir)),
  } satisfies Handlers;
}
