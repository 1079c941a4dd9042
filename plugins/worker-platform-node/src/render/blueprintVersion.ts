/**
 * The version of the blueprints' output. Bump it whenever a change to the
 * blueprints or the model changes what a spec renders to, so a re-rendered
 * repository can tell which generation of files it holds.
 *
 * @public
 */
export const BLUEPRINT_VERSION = '1.3.0';
