export { participationInForce } from '@convergences/read-models';
