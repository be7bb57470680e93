from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from tlschool.accounts.models import User


@admin.register(User)
class TlschoolUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, (None, {"fields": ("full_name",)}))
    list_display = ("username", "full_name", "email", "is_staff")
    search_fields = ("username", "full_name", "email")
