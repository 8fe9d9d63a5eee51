import type { TWallBoard } from "../../domain/wall/board";

/**
 * Fans board changes out to the screens connected to this process. Each municipality's board is
 * computed ONCE per change, however many screens show it, and a burst of changes (a case routed,
 * then its notification, then a second case) is one reload: a change waits `debounceMs` for
 * company. A change arriving during a reload makes another reload once that one is done.
 * Nothing is computed for a municipality nobody is watching.
 */

export interface TBoardSubscriber {
  /** A new board; `json` is its serialisation, made once for every screen. */
  onBoard: (board: TWallBoard, json: string) => void;
  /** The board could not be loaded (database down): the screen says its data may be stale. */
  onUnavailable?: () => void;
  /** The kiosk link this screen uses, so revoking it disconnects the screen. */
  kioskTokenId?: string | null;
  onRevoked?: () => void;
}

export interface TBoardHubOptions {
  load: (municipalityId: string) => Promise<TWallBoard>;
  debounceMs?: number;
  /** A board nobody changed is still reloaded this often (a renamed department, midnight's totals). */
  refreshMs?: number;
  /** After a failed load, the next try. */
  retryMs?: number;
  log?: (message: string, error?: unknown) => void;
}

interface TChannel {
  subscribers: Set<TBoardSubscriber>;
  board: TWallBoard | null;
  json: string | null;
  /** A change has arrived since the last load started. */
  stale: boolean;
  /** The last load failed: `board`, if any, is out of date. */
  failed: boolean;
  loading: Promise<void> | null;
  timer: ReturnType<typeof setTimeout> | null;
  refreshTimer: ReturnType<typeof setTimeout> | null;
}

export class BoardHub {
  private readonly channels = new Map<string, TChannel>();
  private readonly debounceMs: number;
  private readonly refreshMs: number;
  private readonly retryMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private closed = false;

  constructor(private readonly options: TBoardHubOptions) {
    this.debounceMs = options.debounceMs ?? 300;
    this.refreshMs = options.refreshMs ?? 5 * 60_000;
    this.retryMs = options.retryMs ?? 5_000;
    this.log = options.log ?? ((message, error) => console.error(`[wall] ${message}`, error ?? ""));
  }

  /** Starts sending `municipalityId`'s board to `subscriber`: the current one at once, then each new one. */
  subscribe(municipalityId: string, subscriber: TBoardSubscriber): () => void {
    const channel = this.channelOf(municipalityId);
    channel.subscribers.add(subscriber);
    if (channel.loading) return this.unsubscriber(municipalityId, channel, subscriber); // gets its result
    if (channel.board && channel.json && !channel.stale && !channel.failed) {
      const { board, json } = channel;
      queueMicrotask(() => {
        if (channel.subscribers.has(subscriber)) this.deliver(() => subscriber.onBoard(board, json));
      });
    } else {
      this.schedule(municipalityId, 0);
    }
    return this.unsubscriber(municipalityId, channel, subscriber);
  }

  private unsubscriber(municipalityId: string, channel: TChannel, subscriber: TBoardSubscriber): () => void {
    return () => {
      channel.subscribers.delete(subscriber);
      if (channel.subscribers.size === 0 && this.channels.get(municipalityId) === channel) {
        this.dropChannel(municipalityId);
      }
    };
  }

  /**
   * The board as it is now, for a page's first render: the one being sent to screens when it is
   * current, else loaded (and then shared with the screens).
   */
  async current(municipalityId: string): Promise<TWallBoard> {
    const channel = this.channels.get(municipalityId);
    if (!channel) return this.options.load(municipalityId);
    if (channel.board && !channel.stale && !channel.failed && !channel.loading) return channel.board;
    await this.reload(municipalityId);
    if (!channel.board || channel.failed) return this.options.load(municipalityId);
    return channel.board;
  }

  /** A case of `municipalityId` changed: reload its board for its screens, once per burst. */
  boardChanged(municipalityId: string): void {
    const channel = this.channels.get(municipalityId);
    if (!channel) return; // nobody watching: nothing to compute
    channel.stale = true;
    this.schedule(municipalityId, this.debounceMs);
  }

  /** After missed notifications (the LISTEN connection dropped): every watched board reloads. */
  refreshAll(): void {
    for (const municipalityId of this.channels.keys()) this.boardChanged(municipalityId);
  }

  /** Disconnects every screen that uses the kiosk link `kioskTokenId`. */
  kioskRevoked(kioskTokenId: string): void {
    for (const channel of [...this.channels.values()]) {
      for (const subscriber of [...channel.subscribers]) {
        if (subscriber.kioskTokenId === kioskTokenId) this.deliver(() => subscriber.onRevoked?.());
      }
    }
  }

  /** How many screens watch `municipalityId` (for tests and diagnostics). */
  subscriberCount(municipalityId: string): number {
    return this.channels.get(municipalityId)?.subscribers.size ?? 0;
  }

  close(): void {
    this.closed = true;
    for (const municipalityId of [...this.channels.keys()]) this.dropChannel(municipalityId);
  }

  /** One screen's failure (its connection just closed) must not keep the board from the others. */
  private deliver(send: () => void) {
    try {
      send();
    } catch (error) {
      this.log("a screen could not take an update", error);
    }
  }

  private channelOf(municipalityId: string): TChannel {
    let channel = this.channels.get(municipalityId);
    if (!channel) {
      channel = {
        subscribers: new Set(),
        board: null,
        json: null,
        stale: true,
        failed: false,
        loading: null,
        timer: null,
        refreshTimer: null,
      };
      this.channels.set(municipalityId, channel);
    }
    return channel;
  }

  private dropChannel(municipalityId: string) {
    const channel = this.channels.get(municipalityId);
    if (!channel) return;
    if (channel.timer) clearTimeout(channel.timer);
    if (channel.refreshTimer) clearTimeout(channel.refreshTimer);
    this.channels.delete(municipalityId);
  }

  private schedule(municipalityId: string, delayMs: number) {
    const channel = this.channels.get(municipalityId);
    if (!channel || channel.timer || this.closed) return;
    channel.timer = setTimeout(() => {
      channel.timer = null;
      void this.reload(municipalityId);
    }, delayMs);
  }

  /** Loads the board unless a load is running; a change during a load triggers one more. */
  private reload(municipalityId: string): Promise<void> {
    const channel = this.channels.get(municipalityId);
    if (!channel) return Promise.resolve();
    if (channel.loading) return channel.loading;
    if (channel.timer) clearTimeout(channel.timer);
    channel.timer = null;
    channel.stale = false;
    const loading = this.options
      .load(municipalityId)
      .then(
        (board) => {
          if (this.channels.get(municipalityId) !== channel) return;
          const json = JSON.stringify(board);
          channel.board = board;
          channel.json = json;
          channel.failed = false;
          for (const subscriber of [...channel.subscribers]) this.deliver(() => subscriber.onBoard(board, json));
          this.scheduleRefresh(municipalityId, this.refreshMs);
        },
        (error: unknown) => {
          this.log(`cannot load the board of municipality ${municipalityId}`, error);
          if (this.channels.get(municipalityId) !== channel) return;
          channel.failed = true;
          for (const subscriber of [...channel.subscribers]) this.deliver(() => subscriber.onUnavailable?.());
          this.scheduleRefresh(municipalityId, this.retryMs);
        },
      )
      .finally(() => {
        channel.loading = null;
        if (channel.stale && this.channels.get(municipalityId) === channel)
          this.schedule(municipalityId, this.debounceMs);
      });
    channel.loading = loading;
    return loading;
  }

  private scheduleRefresh(municipalityId: string, delayMs: number) {
    const channel = this.channels.get(municipalityId);
    if (!channel || this.closed) return;
    if (channel.refreshTimer) clearTimeout(channel.refreshTimer);
    channel.refreshTimer = setTimeout(() => {
      channel.refreshTimer = null;
      this.boardChanged(municipalityId);
    }, delayMs);
  }
}
