// Customer records (S-6): lookup, screen pops on inbound calls, history, edits and dialling, every
// view and change audited. Screen pops follow the call log, so a popped call's row exists.
import type { AuditLog } from '../audit';
import type { CallLogFeature } from '../callLog';
import type { Feature, Kernel } from '../kernel/feature';
import type { SoftphoneService } from '../softphone';
import { customerHandlers, type CustomerHandlers } from './customerHandlers';
import { CustomerService } from './customerService';
import type { CustomerRepository } from './ports';

export type CustomersFeature = Feature<keyof CustomerHandlers>;

export interface CustomersNeeds {
  phone: SoftphoneService;
  callLog: CallLogFeature;
}

export function createCustomers(kernel: Kernel, ports: { repository: CustomerRepository; audit: AuditLog }, needs: CustomersNeeds): CustomersFeature {
  const { phone, callLog } = needs;
  const service = new CustomerService({
    repository: ports.repository,
    audit: ports.audit,
    clock: kernel.clock,
    eventHub: kernel.eventHub,
    logger: kernel.logger,
    // The agent at the desk (hot-desking): screen pops and live-call numbers are theirs.
    host: {
      get role() {
        return kernel.desk.owner().role;
      },
      get userId() {
        return kernel.desk.ownerId();
      },
    },
    phone: {
      liveCalls: () => phone.state().calls.map((c) => ({ callId: c.callId, remoteNumber: c.remote.number })),
      dial: (target) => phone.dial(target),
      // After the call log: a screen pop links the call to its customer once the call's row is written.
      onCallEvent: (listener) => callLog.onCallEventLogged(listener),
    },
    callLogged: () => callLog.settled(),
  });
  return { handlers: customerHandlers(service), close: () => service.close() };
}
