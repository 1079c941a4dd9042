export interface Config {
  /** Settings of the worker-platform plugins. */
  workerPlatform?: {
    /**
     * The organisation's values for the fields a WorkerPlatform spec may
     * leave out. A spec that leaves one out that no default here covers is
     * refused, naming the field. Every render, validate, environment:add,
     * upgrade and argocd:register reads specs with them; a rendered
     * repository records the values it was given in its
     * `.worker-platform/spec.yaml`, so changing a default later does not
     * change an existing service.
     */
    defaults?: {
      /**
       * `spec.registry`: the container registry images are pushed to and
       * pulled from, a host with an optional path, e.g.
       * `123456789012.dkr.ecr.us-east-1.amazonaws.com` or `ghcr.io/acme`.
       *
       * @visibility backend
       */
      registry?: string;
      /**
       * `metadata.owner`: the catalog entity that owns a service, e.g.
       * `group:default/platform`.
       *
       * @visibility backend
       */
      owner?: string;
      /**
       * The domain services' APIs are served under: `spec.api.host` is
       * `<metadata.name>.<apiDomain>`, e.g. `apps.example.com`.
       *
       * @visibility backend
       */
      apiDomain?: string;
    };
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
