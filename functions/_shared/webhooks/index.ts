// Webhooks: signing, back-off, robot formats and the delivery worker's pass (see supabase/migrations/*_extensions.sql).
export * from './backoff.ts'
export * from './dispatch.ts'
export * from './robots.ts'
export * from './signature.ts'
