// IndexedDB in promises: what a page keeps on the device (it survives closing the browser and a restart of the
// phone, unlike sessionStorage). Each page opens its own database with its own stores.

/** Opens (and creates or upgrades) a database: upgrade(db, oldVersion) creates the object stores. */
export function openDatabase(name, version, upgrade) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name, version);
    opening.onupgradeneeded = event => upgrade(opening.result, event.oldVersion);
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
    opening.onblocked = () => reject(new Error('database blocked by another tab'));
  });
}

/** Runs work(store...) in one transaction and resolves when it committed, with what work returned. */
export function transact(db, storeNames, mode, work) {
  return new Promise((resolve, reject) => {
    const names = Array.isArray(storeNames) ? storeNames : [storeNames];
    const tx = db.transaction(names, mode);
    let result;
    Promise.resolve(work(...names.map(n => tx.objectStore(n)))).then(r => { result = r; }, reject);
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
  });
}

/** An IDBRequest as a promise. */
export function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A key-value store for a session's refresh token (see api.js configureSession). */
export function keyValueStore(db, storeName, key) {
  return {
    load: () => transact(db, storeName, 'readonly', s => done(s.get(key))).then(v => v || null),
    save: value => transact(db, storeName, 'readwrite', s => { s.put(value, key); }),
    clear: () => transact(db, storeName, 'readwrite', s => { s.delete(key); }),
  };
}
