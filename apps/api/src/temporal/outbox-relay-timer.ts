import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkflowOutboxRelay } from '../../../../libs/application/src/incidents/workflow-outbox-relay.js';

/** Every ten seconds (and at start), the API delivers what the workflows must still be told. */
export const OUTBOX_RELAY_INTERVAL_MS = 10_000;

@Injectable()
export class OutboxRelayTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(OutboxRelayTimer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(@Inject(WorkflowOutboxRelay) private readonly relay: WorkflowOutboxRelay) {}

  onApplicationBootstrap(): void {
    const round = () => {
      this.running = this.relay.deliverPending().catch((error: Error) => this.log.warn(`outbox relay round failed: ${error.message}`));
    };
    round();
    this.timer = setInterval(round, OUTBOX_RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
