// Run before `npm test` and `npm start`: on a Node older than package.json's `engines` they would fail
// much later in many ways, so stop at once with one line. CommonJS and old syntax, so any Node runs it.
var engines = require('../package.json').engines.node
var needed = Number(/\d+/.exec(engines)[0])
var version = process.versions.node
if (Number(version.split('.')[0]) < needed) {
  console.error('kratos-settings needs Node ' + engines + ' to build, test and run its demo; this is Node ' + version + '.')
  process.exit(1)
}
