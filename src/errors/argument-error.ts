// Temporary: moved to errors.ts.
export { KratosArgumentError } from './errors.js'
