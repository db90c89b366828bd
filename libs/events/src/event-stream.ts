import { DiscardPolicy, RetentionPolicy, StorageType, type JetStreamManager } from 'nats';

export interface EventStreamOptions {
  name: string;
  subjectPrefix: string;
  /** How long JetStream remembers message ids to drop duplicates. */
  duplicateWindowMs?: number;
  maxAgeDays?: number;
}

const nanos = (ms: number) => ms * 1_000_000;

/** Creates the one events stream (subjects `<prefix>events.>`) if it does not exist yet. */
export async function ensureEventStream(jsm: JetStreamManager, options: EventStreamOptions): Promise<void> {
  const config = {
    name: options.name,
    subjects: [`${options.subjectPrefix}events.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(options.duplicateWindowMs ?? 2 * 60_000),
    max_age: nanos((options.maxAgeDays ?? 30) * 24 * 3600_000),
  };
  try {
    await jsm.streams.info(options.name);
  } catch (error) {
    if (!/stream not found/i.test(String((error as Error).message))) throw error;
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      // Another replica created it in the meantime.
      if (!/already in use|already exists/i.test(String((addError as Error).message))) throw addError;
    }
  }
}
