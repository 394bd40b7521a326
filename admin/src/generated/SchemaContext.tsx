// The schema store for the generated screens: useSchema() for the parsed tables, useTableMeta(name) for one.
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react'
import type { SchemaState, SchemaStore } from './schemaStore.ts'

const SchemaContext = createContext<SchemaStore | null>(null)

export function SchemaProvider({ store, children }: { store: SchemaStore; children: ReactNode }) {
  return <SchemaContext.Provider value={store}>{children}</SchemaContext.Provider>
}

export function useSchemaStore(): SchemaStore {
  const store = useContext(SchemaContext)
  if (!store) throw new Error('useSchema() outside <SchemaProvider>')
  return store
}

export function useSchemaOf(store: SchemaStore): SchemaState {
  return useSyncExternalStore(store.subscribe, store.get)
}

export function useSchema(): SchemaState {
  return useSchemaOf(useSchemaStore())
}

export function useTableMeta(name: string | undefined) {
  const { schema, error } = useSchema()
  return { table: name ? schema?.[name] : undefined, loading: !schema && !error, error }
}
