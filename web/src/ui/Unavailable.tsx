// Shown where the server has no route for a page yet (an older server build): says so plainly.
import { Empty } from './feedback';

export function Unavailable({ what }: { what: string }) {
  return (
    <Empty title={`${what} is not available on this server.`}>
      The server did not offer the API this page needs. Update Lectern and reload.
    </Empty>
  );
}
