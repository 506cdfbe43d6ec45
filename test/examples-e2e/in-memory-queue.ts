import type { Clock } from '../../src/interpreter';

/**
 * A stand-in for an SQS queue with a Lambda trigger: `send` stores the message body (JSON text, as
 * SQS keeps it) and, `deliveryDelaySeconds` later on the interpreter's clock, hands it to the
 * consumer, as the event source mapping would.
 */
export class InMemoryQueue {
  readonly sent: string[] = [];
  private consumer: ((body: string) => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly deliveryDelaySeconds = 1,
  ) {}

  /** Registers the function triggered by the queue. */
  onMessage(consumer: (body: string) => void): void {
    this.consumer = consumer;
  }

  send(body: string): { MessageId: string } {
    this.sent.push(body);
    const consumer = this.consumer;
    if (consumer) this.clock.setTimer(this.deliveryDelaySeconds * 1000, () => consumer(body));
    return { MessageId: `msg-${this.sent.length}` };
  }
}
