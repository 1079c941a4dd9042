export interface Config {
  /** Settings of the worker-platform plugins. */
  workerPlatform?: {
    /**
     * The `worker-platform:publish:local` action, which commits a new
     * service into a git repository on the backend's disk, and the catalog
     * scan that registers those repositories.
     */
    localPublisher?: {
      /**
       * Directory holding one git repository per published service; relative
       * paths resolve against the backend's working directory. Defaults to
       * `<os tmp>/worker-platform-repos`.
       */
      directory?: string;
    };
  };
}
