/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set at build time for a real Supabase project; otherwise the admin asks GET /troika-config.json. */
  readonly VITE_SUPABASE_URL?: string
  readonly VITE_SUPABASE_ANON_KEY?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
