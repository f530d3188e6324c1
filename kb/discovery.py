"""How the site finds what each installed app declares, without importing the app by name.

An app declares its part of a site-wide concern (personal data, retention, the
second factor...) either in a module of an agreed name (`practices/personal_data.py`)
or as an attribute of its AppConfig; the code that runs the concern, here in
`kb`, reads every installed app's declaration through the app registry. `kb`
then depends on no feature app, and a new app joins by declaring.

Installed apps do not change once the site has started, so each answer is
worked out once per process: the second factor's views are asked on every request.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


@cache
def app_modules(name):
    """The `<app>.<name>` module of every installed app that has one, in INSTALLED_APPS order."""
    return tuple(
        import_module(f"{config.name}.{name}")
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, name)
    )


@cache
def declared(attribute):
    """What the installed apps' AppConfigs declare under `attribute`, together."""
    return frozenset(
        value for config in apps.get_app_configs() for value in getattr(config, attribute, ())
    )
