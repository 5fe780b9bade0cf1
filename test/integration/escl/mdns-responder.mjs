// An eSCL scanner's mDNS responder for the network-namespace discovery test: run inside the
// namespace (`ip netns exec NS node mdns-responder.mjs ADDRESS`), it answers questions for
// `_uscan._tcp.local` with PTR, SRV, TXT and A records as a network scanner does (RFC 6763).
import makeMdns from 'multicast-dns';

const address = process.argv[2];
const mdns = makeMdns({ interface: address, bind: '0.0.0.0' });
const instance = 'Namespace MFP._uscan._tcp.local';
mdns.on('query', (q) => {
  if (!q.questions.some((x) => x.name.toLowerCase() === '_uscan._tcp.local')) return;
  mdns.respond({
    answers: [{ name: '_uscan._tcp.local', type: 'PTR', ttl: 120, data: instance }],
    additionals: [
      { name: instance, type: 'SRV', ttl: 120, flush: true, data: { port: 8080, target: 'ns-mfp.local', priority: 0, weight: 0 } },
      { name: instance, type: 'TXT', ttl: 120, flush: true, data: ['txtvers=1', 'ty=Namespace MFP', 'rs=eSCL', 'pdl=image/jpeg', 'UUID=0e0e0e0e-1111-2222-3333-444444444444'] },
      { name: 'ns-mfp.local', type: 'A', ttl: 120, flush: true, data: address },
    ],
  });
});
mdns.on('ready', () => process.stdout.write('READY\n'));
process.on('SIGTERM', () => { mdns.destroy(); process.exit(0); });
