// Trainings page (placeholder until its API lands).
import { Unavailable } from '../ui/Unavailable';

export default function TrainingsPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Trainings" />;
}
