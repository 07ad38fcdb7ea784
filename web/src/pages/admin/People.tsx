// People page (placeholder until its API lands).
import { Unavailable } from '../../ui/Unavailable';

export default function PeoplePage(_: { params: Record<string, string> }) {
  return <Unavailable what="People" />;
}
