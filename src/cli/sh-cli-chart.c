/* sh-cli-chart.c — chart: an assessment's Sankey or other chart to a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sh-charts.h"
#include "sh-cli.h"

static char *
list_kinds (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; k < SH_CHART_N_KINDS; k++)
    g_string_append_printf (out, "%s%s", k > 0 ? ", " : "", sh_chart_kind_to_string ((ShChartKind) k));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
check_size (int  value,
            int *status)
{
  if (value >= SH_CHART_MIN_SIZE && value <= SH_CHART_MAX_SIZE)
    return TRUE;

  {
    g_autofree char *message = g_strdup_printf (_("--width and --height must be from %d to %d."),
                                                SH_CHART_MIN_SIZE, SH_CHART_MAX_SIZE);

    *status = sh_cli_usage_error ("chart", message);
  }
  return FALSE;
}

int
sh_cli_command_chart (ShCli *cli,
                      int    argc,
                      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShChart) chart = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *layer_text = NULL;
  g_autofree char *output = NULL;
  int width = -1, height = -1;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text,
      N_("sankey, consumption, pareto, savings or monitoring"), N_("KIND") },
    { "layer", 'l', 0, G_OPTION_ARG_STRING, &layer_text,
      N_("The Sankey's layer: mass (default), water or energy"), N_("LAYER") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width,
      N_("Width in pixels (PNG) or points (PDF, SVG)"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height,
      N_("Height in pixels (PNG) or points (PDF, SVG)"), N_("H") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .png, .pdf or .svg"), N_("FILE") },
    { NULL }
  };
  ShChartKind kind;
  ShChartFormat format;
  ShFlowLayer layer = SH_FLOW_LAYER_MASS;
  gint64 assessment;
  gboolean ok;
  int status = 0;

  if (!sh_cli_parse_options ("chart", "ASSESSMENT", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return sh_cli_usage_error ("chart", _("Give one assessment number."));
  if (!sh_cli_parse_id ("chart", argv[1], &assessment, &status))
    return status;

  if (kind_text == NULL)
    {
      g_autofree char *kinds = list_kinds ();
      g_autofree char *message = g_strdup_printf (_("--kind is required: %s."), kinds);

      return sh_cli_usage_error ("chart", message);
    }
  if (!sh_chart_kind_from_string (kind_text, &kind))
    {
      g_autofree char *kinds = list_kinds ();
      g_autofree char *message = g_strdup_printf (_("Unknown chart kind “%s”; the kinds are %s."),
                                                  kind_text, kinds);

      return sh_cli_usage_error ("chart", message);
    }
  if (layer_text != NULL)
    {
      if (kind != SH_CHART_SANKEY)
        return sh_cli_usage_error ("chart", _("--layer applies to --kind sankey only."));
      if (!sh_flow_layer_from_string (layer_text, &layer))
        {
          g_autofree char *message = g_strdup_printf (_("Unknown layer “%s”; the layers are mass, water and energy."),
                                                      layer_text);

          return sh_cli_usage_error ("chart", message);
        }
    }
  if (output == NULL)
    return sh_cli_usage_error ("chart", _("-o FILE is required."));
  if (!sh_chart_format_from_path (output, &format))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” does not end in .png, .pdf or .svg."), output);

      return sh_cli_usage_error ("chart", message);
    }

  if ((width != -1 && !check_size (width, &status)) || (height != -1 && !check_size (height, &status)))
    return status;

  if (!sh_cli_open_store (cli, &error))
    return sh_cli_fail (error);

  if (kind == SH_CHART_SANKEY)
    chart = sh_chart_load_sankey (cli->store, sh_units_get_default (), assessment, layer, &error);
  else
    chart = sh_chart_load (cli->store, sh_units_get_default (), assessment, kind, &error);
  if (chart == NULL)
    return sh_cli_fail (error);

  /* Without --width and --height: an A4 page, PNG at 150 dpi. */
  {
    int default_width, default_height;

    sh_chart_get_default_size (chart, format, &default_width, &default_height);
    if (width == -1)
      width = default_width;
    if (height == -1)
      height = default_height;
  }

  ok = sh_chart_write (chart, output, width, height, &error);

  g_clear_pointer (&chart, sh_chart_unref);

  return ok ? EXIT_SUCCESS : sh_cli_fail (error);
}
