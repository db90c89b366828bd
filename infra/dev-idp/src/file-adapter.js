// A small file-backed oidc-provider adapter: one JSON file per model under
// `<dir>/<Model>.json`, kept in memory and rewritten atomically (write to a
// temporary file, then rename) after each change. Expired entries are dropped
// on load and whenever a model is written. Meant for one process at a time.
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Models whose entries carry a grantId and are removed by revokeByGrantId. */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

const epochTime = () => Math.floor(Date.now() / 1000);

/**
 * @typedef {{ payload: Record<string, any>, expiresAt: number | null }} Entry
 */

export class FileStore {
  /** @param {string} dir */
  constructor(dir) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    /** @type {Map<string, Map<string, Entry>>} */
    this.models = new Map();
    this.closed = false;
  }

  #file(model) {
    return join(this.dir, `${model}.json`);
  }

  /** @returns {Map<string, Entry>} */
  entries(model) {
    let entries = this.models.get(model);
    if (!entries) {
      entries = new Map();
      const file = this.#file(model);
      if (existsSync(file)) {
        try {
          const raw = JSON.parse(readFileSync(file, 'utf8'));
          const now = Date.now();
          for (const [id, entry] of Object.entries(raw)) {
            if (entry && (entry.expiresAt === null || entry.expiresAt > now)) entries.set(id, entry);
          }
        } catch {
          // A corrupt store file only loses development sessions: start afresh.
          entries = new Map();
        }
      }
      this.models.set(model, entries);
    }
    return entries;
  }

  /** Drops expired entries and writes the model's file atomically. */
  persist(model) {
    if (this.closed) return;
    const entries = this.entries(model);
    const now = Date.now();
    for (const [id, entry] of entries) {
      if (entry.expiresAt !== null && entry.expiresAt <= now) entries.delete(id);
    }
    const file = this.#file(model);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(entries)), { mode: 0o600 });
    renameSync(tmp, file);
  }

  /** @returns {Entry | undefined} */
  get(model, id) {
    const entries = this.entries(model);
    const entry = entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  }

  /** Removes expired entries from every loaded model. */
  sweep() {
    for (const model of this.models.keys()) {
      const entries = this.entries(model);
      const now = Date.now();
      let changed = false;
      for (const [id, entry] of entries) {
        if (entry.expiresAt !== null && entry.expiresAt <= now) {
          entries.delete(id);
          changed = true;
        }
      }
      if (changed) this.persist(model);
    }
  }

  close() {
    this.closed = true;
  }
}

class FileAdapter {
  /**
   * @param {string} model
   * @param {FileStore} store
   * @param {(value: string) => string | undefined} [resolveJwtId]
   */
  constructor(model, store, resolveJwtId) {
    this.model = model;
    this.store = store;
    this.resolveJwtId = resolveJwtId;
  }

  async upsert(id, payload, expiresIn) {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : null;
    this.store.entries(this.model).set(id, { payload: structuredClone(payload), expiresAt });
    this.store.persist(this.model);
  }

  async find(id) {
    let key = id;
    // JWT access tokens are stored under their `jti`: accept the JWT itself too, so
    // that introspection and revocation work with them.
    if (this.model === 'AccessToken' && typeof id === 'string' && id.split('.').length === 3 && this.resolveJwtId) {
      key = this.resolveJwtId(id);
      if (!key) return undefined;
    }
    const entry = this.store.get(this.model, key);
    return entry ? structuredClone(entry.payload) : undefined;
  }

  async findByUserCode(userCode) {
    for (const [id] of this.store.entries(this.model)) {
      const entry = this.store.get(this.model, id);
      if (entry?.payload.userCode === userCode) return structuredClone(entry.payload);
    }
    return undefined;
  }

  async findByUid(uid) {
    for (const [id] of this.store.entries(this.model)) {
      const entry = this.store.get(this.model, id);
      if (entry?.payload.uid === uid) return structuredClone(entry.payload);
    }
    return undefined;
  }

  async consume(id) {
    const entry = this.store.get(this.model, id);
    if (entry) {
      entry.payload.consumed = epochTime();
      this.store.persist(this.model);
    }
  }

  async destroy(id) {
    if (this.store.entries(this.model).delete(id)) this.store.persist(this.model);
  }

  async revokeByGrantId(grantId) {
    for (const model of GRANTABLE) {
      const entries = this.store.entries(model);
      let changed = false;
      for (const [id, entry] of entries) {
        if (entry.payload.grantId === grantId) {
          entries.delete(id);
          changed = true;
        }
      }
      if (changed) this.store.persist(model);
    }
  }
}

/**
 * @param {FileStore} store
 * @param {{ resolveJwtId?: (value: string) => string | undefined }} [options]
 * @returns {(model: string) => FileAdapter} an adapter factory for oidc-provider's `adapter` option
 */
export function fileAdapterFactory(store, { resolveJwtId } = {}) {
  return (model) => new FileAdapter(model, store, resolveJwtId);
}
