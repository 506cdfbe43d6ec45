export { type Clock, type Timer, sleep } from './clock';
export { VirtualClock } from './virtual-clock';
export { RealClock } from './real-clock';
export { formatTimestamp, parseStartTime } from './timestamp';
