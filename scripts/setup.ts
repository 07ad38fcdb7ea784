// `npm run setup`: creates a school's first organisation and its admin on the configured database, then prints a
// one-time link where the admin sets their password and is signed in (the invitation link of auth/invitations.ts,
// valid for 72 hours). From flags, or asked for in the terminal when a flag is missing:
//
//   npm run setup -- --org "Sunny Languages" --name "Ada Admin" --email ada@sunny.example.org [--time-zone Europe/Berlin]
//
// It refuses a database that already has an organisation (more admins are invited from the People page).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../kernel/config.js';
import { openRuntime } from '../main/runtime.js';
import { createOrganisation, createPerson } from '../db/people.js';
import { createInvitation, invitationLink, INVITATION_TTL_HOURS } from '../auth/invitations.js';
import { TimeZone } from '../domain/shared/schemas.js';

const Answers = z.object({
  org: z.string().trim().min(1, 'the organisation needs a name').max(200),
  name: z.string().trim().min(1, "the admin's name is missing").max(200),
  email: z.email('is not an e-mail address').max(320),
  timeZone: TimeZone,
});

const QUESTIONS = [
  ['org', 'Organisation name'],
  ['name', "Admin's full name"],
  ['email', "Admin's e-mail"],
] as const;

class SetupError extends Error {}

async function answers() {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  const given: Record<string, string | undefined> = { ...values, timeZone: values['time-zone'] ?? 'UTC' };
  const missing = QUESTIONS.filter(([key]) => !given[key]?.trim());
  if (missing.length > 0 && !process.stdin.isTTY)
    throw new SetupError(
      `missing ${missing.map(([key]) => `--${key}`).join(', ')} (and no terminal to ask in); ` +
        'usage: npm run setup -- --org "School" --name "Admin Name" --email admin@school.example',
    );
  if (missing.length > 0) {
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    for (const [key, question] of missing) given[key] = await terminal.question(`${question}: `);
    terminal.close();
  }
  const parsed = Answers.safeParse(given);
  if (!parsed.success)
    throw new SetupError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

async function main() {
  const input = await answers();
  const config = loadConfig();
  const runtime = await openRuntime(config, { startProjections: false });
  try {
    const db = runtime.deps.db;
    if (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst())
      throw new SetupError(
        'this database already has an organisation; sign in as its admin and invite people from the People page',
      );
    const taken = await db
      .selectFrom('people')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new SetupError(`${input.email} is already in use`);
    const { orgId, personId, token } = await db.transaction().execute(async (trx) => {
      const orgId = await createOrganisation(trx, input.org);
      const personId = await createPerson(trx, {
        orgId,
        role: 'admin',
        name: input.name,
        email: input.email,
        timeZone: input.timeZone,
      });
      const { token } = await createInvitation(
        trx,
        { id: personId, org_id: orgId },
        runtime.deps.clock.now(),
      );
      return { orgId, personId, token };
    });
    console.log(`Organisation "${input.org}" created (${orgId}).`);
    console.log(`Admin: ${input.name} <${input.email}> (${personId}).`);
    console.log(
      `\nOpen this link to set the admin's password and sign in (it works once, for ${INVITATION_TTL_HOURS} hours):`,
    );
    console.log(`  ${invitationLink(config.PUBLIC_URL, token)}\n`);
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof SetupError || error instanceof ConfigError;
  console.error(known ? `setup: ${error.message}` : error);
  process.exit(known ? 2 : 1);
});
