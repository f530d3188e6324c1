from django.urls import path

from practices import open_data_views

# The descriptor names the data files and schemas by relative paths: they stay side by side.
urlpatterns = [
    path("", open_data_views.open_data_page, name="open_data"),
    path("datapackage.json", open_data_views.datapackage_descriptor, name="open_data_package"),
    path("schema-<slug:name>.json", open_data_views.schema, name="open_data_schema"),
    path(
        "<slug:name>.<slug:output_format>",
        open_data_views.download,
        name="open_data_download",
    ),
]
