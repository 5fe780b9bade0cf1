// The typed events every transport shares. Node's EventEmitter takes any event name; the
// Transport interface names three, so each adapter narrows them once, here, instead of
// repeating the same overrides in every adapter.
import { EventEmitter } from 'node:events';
import type { TransportEvents } from './transport';

export abstract class EventedTransport extends EventEmitter {
  override on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    return super.on(event, listener);
  }
  override off<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    return super.off(event, listener);
  }
  override once<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): this {
    return super.once(event, listener);
  }
}
