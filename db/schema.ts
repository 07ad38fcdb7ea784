// The Kysely database type. Each feature adds its tables where they are defined, by augmenting this interface:
//   declare module '../../db/schema.js' { interface Database { my_table: MyTable } }
import type { Kysely, Transaction } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Database {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Query functions take either the pool or a transaction first. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;
