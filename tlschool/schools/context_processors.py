def school_access(request):
    access = getattr(request, "access", None)
    return {"access": access}
