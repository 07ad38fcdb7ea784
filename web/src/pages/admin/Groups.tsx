// Groups page (placeholder until its API lands).
import { Unavailable } from '../../ui/Unavailable';

export default function GroupsPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Groups" />;
}
