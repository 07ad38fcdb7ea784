import type { Translation } from '../../catalog';
import type en from './en';

const de: Translation<typeof en> = {};
export default de;
