"""A stand-in for mkdocs-techdocs-core, for machines whose package index
lacks it (see scripts/techdocs/toolchain.cjs, which installs it only then).

Backstage's TechDocs generator adds the ``techdocs-core`` plugin to every
mkdocs.yml it builds. The real plugin switches the site to the Material
theme, whose page structure the TechDocs reader expects, replaces the search
plugin, adds Python-Markdown and pymdownx extensions, and emits
``techdocs_metadata.json``. This one does the same with what Debian and the
offline index provide, and says which of the real plugin's extensions it
leaves out: monorepo, graphviz, PlantUML and truly-sane-lists.
"""

import logging
import os

from mkdocs.contrib.search import SearchPlugin
from mkdocs.plugins import BasePlugin
from mkdocs.theme import Theme

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")
METADATA_TEMPLATE = "techdocs_metadata.json"

# The real plugin's extensions, in its order, with its settings.
EXTENSIONS = [
    ("admonition", {}),
    ("toc", {"permalink": True}),
    ("pymdownx.caret", {}),
    ("pymdownx.critic", {}),
    ("pymdownx.details", {}),
    ("pymdownx.emoji", {}),
    ("pymdownx.inlinehilite", {}),
    ("pymdownx.magiclink", {}),
    ("pymdownx.mark", {}),
    ("pymdownx.smartsymbols", {}),
    ("pymdownx.highlight", {"linenums": False}),
    ("pymdownx.extra", {}),
    ("pymdownx.tabbed", {}),
    ("pymdownx.tasklist", {}),
    ("pymdownx.tilde", {}),
]
LEFT_OUT = ["monorepo", "markdown_inline_graphviz", "plantuml_markdown", "mdx_truly_sane_lists"]


class TechDocsCoreStandIn(BasePlugin):
    def on_config(self, config):
        log.info(
            "techdocs-core stand-in (worker-platform scripts/techdocs): "
            "mkdocs-techdocs-core is not installable here; leaving out %s",
            ", ".join(LEFT_OUT),
        )
        if config["theme"].name != "material":
            config["theme"] = Theme(name="material")
        config["theme"].dirs.append(TEMPLATES)
        config["theme"].static_templates.add(METADATA_TEMPLATE)

        # As the real plugin: it leaves the plugin list, and the search
        # plugin is mkdocs' own (Material registers another under that name).
        del config["plugins"]["techdocs-core"]
        search = SearchPlugin()
        search.load_config({})
        config["plugins"]["search"] = search

        # A repository's own settings for an extension win over these.
        own_configs = dict(config["mdx_configs"])
        for name, settings in EXTENSIONS:
            if name not in config["markdown_extensions"]:
                config["markdown_extensions"].append(name)
            config["mdx_configs"][name] = {**settings, **own_configs.get(name, {})}
        return config
