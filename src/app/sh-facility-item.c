/* sh-facility-item.c — one facility in the sidebar's list model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sh-facility-item.h"

struct _ShFacilityItem
{
  GObject   parent_instance;

  ShRecord *record;
  char     *location;
  char     *search_key;
};

G_DEFINE_FINAL_TYPE (ShFacilityItem, sh_facility_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LOCATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
sh_facility_item_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* NFD splits "ộ" into "o" plus two combining marks, which we drop; "đ" has
   * no decomposition and is mapped by hand. */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0110 || c == 0x0111)  /* Đ, đ */
        c = 'd';
      g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, bare->len);
}

static char *
make_location (ShRecord   *record,
               const char *province_name)
{
  const char *district = sh_record_get_string (record, "district");
  const char *code = sh_record_get_string (record, "province_code");
  gboolean has_district = district != NULL && *district != '\0';
  g_autofree char *province = NULL;

  /* Without reference data for the code, the code itself is shown. */
  if (province_name != NULL && *province_name != '\0')
    province = g_strdup (province_name);
  else if (code != NULL && *code != '\0')
    province = g_strdup_printf (_("province code %s"), code);

  if (has_district && province != NULL)
    /* Translators: a district, then its province. */
    return g_strdup_printf (_("%s, %s"), district, province);
  if (province != NULL)
    return g_steal_pointer (&province);
  if (has_district)
    return g_strdup (district);
  return g_strdup ("");
}

static void
sh_facility_item_finalize (GObject *object)
{
  ShFacilityItem *self = SH_FACILITY_ITEM (object);

  g_clear_pointer (&self->record, sh_record_unref);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (sh_facility_item_parent_class)->finalize (object);
}

static void
sh_facility_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ShFacilityItem *self = SH_FACILITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, sh_facility_item_get_name (self));
      break;

    case PROP_LOCATION:
      g_value_set_string (value, sh_facility_item_get_location (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sh_facility_item_class_init (ShFacilityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sh_facility_item_finalize;
  object_class->get_property = sh_facility_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sh_facility_item_init (ShFacilityItem *self)
{
}

ShFacilityItem *
sh_facility_item_new (ShRecord   *facility,
                      const char *province_name)
{
  ShFacilityItem *self;

  g_return_val_if_fail (facility != NULL, NULL);

  self = g_object_new (SH_TYPE_FACILITY_ITEM, NULL);
  self->record = sh_record_ref (facility);
  self->location = make_location (facility, province_name);
  self->search_key = sh_facility_item_fold (sh_facility_item_get_name (self));

  return self;
}

void
sh_facility_item_update (ShFacilityItem *self,
                         ShRecord       *facility,
                         const char     *province_name)
{
  g_autofree char *old_name = NULL;
  g_autofree char *old_location = NULL;

  g_return_if_fail (SH_IS_FACILITY_ITEM (self));
  g_return_if_fail (facility != NULL);
  g_return_if_fail (sh_record_get_id (facility) == sh_facility_item_get_id (self));

  old_name = g_strdup (sh_facility_item_get_name (self));
  old_location = g_steal_pointer (&self->location);

  g_clear_pointer (&self->record, sh_record_unref);
  self->record = sh_record_ref (facility);
  self->location = make_location (facility, province_name);
  g_free (self->search_key);
  self->search_key = sh_facility_item_fold (sh_facility_item_get_name (self));

  if (g_strcmp0 (old_name, sh_facility_item_get_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (g_strcmp0 (old_location, self->location) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

ShRecord *
sh_facility_item_get_record (ShFacilityItem *self)
{
  g_return_val_if_fail (SH_IS_FACILITY_ITEM (self), NULL);

  return self->record;
}

gint64
sh_facility_item_get_id (ShFacilityItem *self)
{
  g_return_val_if_fail (SH_IS_FACILITY_ITEM (self), 0);

  return sh_record_get_id (self->record);
}

const char *
sh_facility_item_get_name (ShFacilityItem *self)
{
  const char *name;

  g_return_val_if_fail (SH_IS_FACILITY_ITEM (self), NULL);

  name = sh_record_get_string (self->record, "name");
  return name != NULL ? name : "";
}

const char *
sh_facility_item_get_location (ShFacilityItem *self)
{
  g_return_val_if_fail (SH_IS_FACILITY_ITEM (self), NULL);

  return self->location;
}

gboolean
sh_facility_item_matches (ShFacilityItem *self,
                          const char     *folded_query)
{
  g_return_val_if_fail (SH_IS_FACILITY_ITEM (self), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;

  return strstr (self->search_key, folded_query) != NULL;
}
