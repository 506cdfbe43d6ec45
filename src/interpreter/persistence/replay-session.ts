/**
 * Whether a resumed execution still replays its snapshot or runs live, and a promise for the
 * moment it goes live (what an answer that had not arrived by the snapshot waits for).
 */
export class ReplaySession {
  replaying = true;
  readonly whenLive: Promise<void>;
  private markLive!: () => void;

  constructor() {
    this.whenLive = new Promise((resolve) => (this.markLive = resolve));
  }

  goLive(): void {
    this.replaying = false;
    this.markLive();
  }
}
