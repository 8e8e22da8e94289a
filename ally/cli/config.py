"""`ally config`: the settings you choose once (country, region, calendar)."""

from __future__ import annotations

import typer

from ally.cli.output import Page, emit_json, note

app = typer.Typer(
    help="""Settings you choose once, kept in a small file in your config folder.

A setting is used when no option or environment variable says otherwise:
--country beats $ALLY_COUNTRY, which beats `ally config set country`.

Examples:

  ally config set country GB
  ally config set region scotland
  ally config show
  ally config unset region
""",
    no_args_is_help=True,
)


@app.command("show")
def show(as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text.")) -> None:
    """Show every setting and where the file is.

    Example:

      ally config show --json
    """
    from ally import config

    path = config.config_path()
    values = config.load(path)
    if as_json:
        emit_json({"path": str(path), "settings": values})
        return
    page = Page()
    page.title("ally settings")
    page.field("File", str(path))
    if not values:
        page.text("Nothing set yet. Example: ally config set country GB", indent=2)
    for key in sorted(values):
        page.field(key, values[key])
    unset = [k for k in config.KEYS if k not in values]
    if unset:
        page.blank()
        page.dim("Not set:")
        for key in unset:
            page.dim(f"{key}: {config.KEYS[key].description}", indent=2)


@app.command("set")
def set_(
    key: str = typer.Argument(..., help="The setting, e.g. country."),
    value: str = typer.Argument(..., help="Its new value, e.g. GB."),
) -> None:
    """Change one setting.

    Example:

      ally config set country IE
    """
    from ally import config

    stored = config.set_value(config.config_path(), key, value)
    print(f"{key} = {stored}")


@app.command("unset")
def unset(key: str = typer.Argument(..., help="The setting to remove, e.g. region.")) -> None:
    """Remove one setting, so ally goes back to its default.

    Example:

      ally config unset country
    """
    from ally import config

    if config.unset_value(config.config_path(), key):
        print(f"{key} removed")
    else:
        note(f"{key} was not set")
