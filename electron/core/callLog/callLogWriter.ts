// Keeps the call log from what happens: every softphone call event and every clock decision is
// written to call_events (the QA timeline), and the call's row in `calls` is rebuilt from them
// (S-1.3 ring fields, hold, talk and wrap-up time). Writes for one call are chained in order.
import type { CallEvent } from '../../../shared/contract/softphone';
import { buildCallRecord, callEventRow, type CallRecordRow } from '../../../shared/domain/callRecord';
import type { RingOutcome } from '../../../shared/domain/ringCounter';
import type { WrapUpResult } from '../../../shared/domain/wrapUpTimer';
import type { ClockRecord } from '../callClocks';
import type { Logger } from '../kernel/platformPorts';
import type { CallLogRepository, TimelineRow } from './ports';

interface CallInProgress {
  events: CallEvent[];
  ring: RingOutcome | null;
  wrapUp: WrapUpResult | null;
  /** The chain of this call's writes, so they land in the order they happened. */
  writes: Promise<void>;
  ended: boolean;
}

export class CallLogWriter {
  private readonly calls = new Map<string, CallInProgress>();
  /** Writes not yet settled, including those of calls already forgotten. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly repository: CallLogRepository,
    /** The agent at the desk when a call's record is built (hot-desking). */
    private readonly agentId: () => string,
    private readonly logger: Logger,
  ) {}

  callEvent(event: CallEvent): Promise<void> {
    const call = this.calls.get(event.callId) ?? this.start(event.callId);
    call.events.push(event);
    if (event.type === 'ended') {
      call.ended = true;
      // No wrap-up follows a call that was never answered: nothing more will be written.
      if (!call.events.some((e) => e.type === 'answered')) this.calls.delete(event.callId);
    }
    return this.write(call, [callEventRow(event)]);
  }

  clockRecord(record: ClockRecord): Promise<void> {
    const call = this.calls.get(record.callId);
    if (!call) return Promise.resolve(); // a clock for a call we never saw offered (cannot happen in one core)
    if (record.kind === 'ringOutcome') call.ring = record.outcome;
    if (record.kind === 'wrapUp') {
      call.wrapUp = record.result;
      this.calls.delete(record.callId);
    }
    return this.write(call, [timelineRowOf(record)]);
  }

  /** Every write queued so far has settled (for tests and orderly shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private start(callId: string): CallInProgress {
    const call: CallInProgress = { events: [], ring: null, wrapUp: null, writes: Promise.resolve(), ended: false };
    this.calls.set(callId, call);
    return call;
  }

  private write(call: CallInProgress, rows: TimelineRow[]): Promise<void> {
    let record: CallRecordRow;
    try {
      record = buildCallRecord({ events: call.events, agentId: this.agentId(), ring: call.ring, wrapUp: call.wrapUp });
    } catch (error) {
      this.logger.error('Call events do not make a call record', { callId: rows[0]?.callId, error: String(error) });
      return Promise.resolve();
    }
    const write = call.writes.then(() =>
      this.repository.save(rows, record).catch((error: unknown) => {
        this.logger.error('Could not save the call log', { callId: record.id, error: String(error) });
      }),
    );
    call.writes = write;
    this.pending.add(write);
    void write.then(() => this.pending.delete(write));
    return write;
  }
}

function timelineRowOf(record: ClockRecord): TimelineRow {
  switch (record.kind) {
    case 'ringOutcome':
      return { callId: record.callId, kind: 'ringOutcome', atWall: record.atWall, atMonotonic: null, detailJson: JSON.stringify(record.outcome) };
    case 'holdCheckIn':
      return { callId: record.callId, kind: 'holdCheckIn', atWall: record.atWall, atMonotonic: record.atMonotonic, detailJson: JSON.stringify(record.checkIn) };
    case 'holdSegment':
      return {
        callId: record.callId,
        kind: 'holdSegment',
        atWall: record.segment.endedAtWall,
        atMonotonic: record.segment.endedAtMonotonic,
        detailJson: JSON.stringify(record.segment),
      };
    case 'wrapUp':
      return { callId: record.callId, kind: 'wrapUp', atWall: record.atWall, atMonotonic: record.result.endedAtMonotonic, detailJson: JSON.stringify(record.result) };
  }
}
