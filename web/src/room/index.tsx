// The live room module, loaded lazily by the web client's router for /room/:liveSessionId.
export { default } from './RoomPage';
