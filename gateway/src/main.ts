import { startGateway } from './gateway';

startGateway().then(
  (gateway) => {
    const stop = () =>
      gateway.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error) => {
    console.error('gateway failed to start:', error);
    process.exit(1);
  },
);
